// Synthetic casework for the demo authority, so every page has children to show on first start.
import type { Database } from '../db/database.js'

export async function seedDemoCasework(_database: Database): Promise<void> {
  // Filled in by the synthetic data generator (kindred seed --scale demo).
}
