// `kindred <command> [options]`: dispatches to a sub-command and turns known errors into clear messages.
import { commands } from './commands/index.js'
import { OperatorError, UsageError } from './command.js'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4)
  return [
    'Usage: kindred <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `kindred <command> --help` for a command\'s options.',
  ].join('\n')
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    console.error(`kindred: unknown command "${name}"\n\n${help()}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`kindred ${name}: ${error.message}\n\n${command.usage}`)
      return 2
    }
    if (error instanceof OperatorError) {
      console.error(`kindred ${name}: ${error.message}`)
      return 1
    }
    throw error
  }
}
