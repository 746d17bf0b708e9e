// `kindred postcodes import ONSPD.csv`: replace the postcode district centroids (used for the distance between
// a looked-after child's home and placement) with ones averaged from the ONS Postcode Directory.
import path from 'node:path'
import { existsSync } from 'node:fs'
import { OperatorError, UsageError, type Command } from '../../cli/command.js'
import { withDatabase } from '../../cli/database.js'
import { districtCentroids, fileLines, PostcodeFileError, replaceCentroids } from './postcode-import.js'

export const postcodesCommand: Command = {
  name: 'postcodes',
  summary: 'Load postcode district centroids from the ONS Postcode Directory (postcodes import ONSPD.csv)',
  usage: 'Usage: kindred postcodes import <ONSPD.csv>\n\nThe CSV needs pcds (or pcd), lat and long columns; terminated postcodes (doterm) are left out.\n' +
    'With oscty and oslaua columns, each district also gets the children\'s services authority most of it lies in.\n' +
    'Every district centroid is replaced.',
  async run(args) {
    const [action, file] = args
    if (action !== 'import' || !file) throw new UsageError('say `import` and the ONSPD CSV file')
    if (!existsSync(file)) throw new OperatorError(`${file}: no such file`)
    let result: Awaited<ReturnType<typeof districtCentroids>>
    try {
      result = await districtCentroids(fileLines(file))
    } catch (error) {
      if (error instanceof PostcodeFileError) throw new OperatorError(`${file}: ${error.message}`)
      throw error
    }
    if (result.centroids.length === 0) throw new OperatorError(`${file}: no postcode with a position; the centroids were left as they were`)
    return withDatabase(async ({ db }) => {
      await replaceCentroids(db, result.centroids, `ONSPD ${path.basename(file)}`)
      console.log(`Loaded ${result.centroids.length} postcode district centroids from ${result.read} postcodes (${result.skipped} skipped).`)
      return 0
    })
  },
}
