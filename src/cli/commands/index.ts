// Every `kindred` sub-command, in the order `kindred help` lists them.
import type { Command } from '../command.js'

export const commands: Command[] = []
