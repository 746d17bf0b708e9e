// Password hashing with argon2id (OWASP's recommended parameters: 19 MiB, 2 iterations).
import { hash, verify } from '@node-rs/argon2'

// The library's default algorithm is argon2id; a test checks the stored hashes say so.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Verify against a fixed hash when the account has none, so timing does not reveal which accounts exist.
  const target = stored ?? dummyHash
  try {
    const ok = await verify(target, password)
    return ok && stored !== null
  } catch {
    return false
  }
}

const dummyHash = '$argon2id$v=19$m=19456,t=2,p=1$vpxvkzvbMGwfmPROXUKugQ$h6lCwPUq+EOCkrSHF79SQUr/6bD/9yf3l4Lln9wjBDE'
