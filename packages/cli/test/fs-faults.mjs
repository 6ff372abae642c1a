// Test preload (`node --import ./fs-faults.mjs`): makes the real CLI fail in a chosen file system
// call, so tests can kill or break it at an exact point instead of racing the clock.
//   FMRL_TEST_KILL_AT=N          SIGKILL the process just before its Nth file system write
//                                (mkdir, writeFile, rename, rm, rmdir, unlink, utimes).
//   FMRL_TEST_FAIL=CODE:SUFFIX   fail every call on a path ending in SUFFIX with the error CODE (EACCES, EIO…).
//   FMRL_TEST_READ_LOG=FILE      append the path of every readFileSync to FILE, one a line.
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
import {constants} from 'node:os'

const writes = ['mkdir', 'writeFile', 'rename', 'rm', 'rmdir', 'unlink', 'utimes']
const reads = ['readFile', 'readdir', 'stat', 'lstat', 'open', 'access', 'opendir']
const killAt = Number(process.env.FMRL_TEST_KILL_AT ?? 0)
const [failCode, failSuffix] = (process.env.FMRL_TEST_FAIL ?? '').split(/:(.*)/s)
let count = 0

function injected(name, path) {
  const error = new Error(`${failCode}: injected by fs-faults, ${name} '${path}'`)
  return Object.assign(error, {code: failCode, errno: -(constants.errno[failCode] ?? 1), syscall: name, path: String(path)})
}

function wrap(target, name, isWrite, callbackStyle) {
  const original = target[name]
  if (typeof original !== 'function') return
  target[name] = function (...args) {
    if (isWrite && killAt > 0 && ++count === killAt) process.kill(process.pid, 'SIGKILL')
    if (failSuffix && String(args[0]).endsWith(failSuffix)) {
      const error = injected(name, args[0])
      if (!callbackStyle) return Promise.reject(error)
      const callback = args.findLast((arg) => typeof arg === 'function')
      if (callback) return void process.nextTick(callback, error)
      throw error
    }
    return original.apply(this, args)
  }
}

for (const name of writes) {
  wrap(fs.promises, name, true, false)
  wrap(fs, name, true, true)
}
for (const name of reads) {
  wrap(fs.promises, name, false, false)
  wrap(fs, name, false, true)
}
const readLog = process.env.FMRL_TEST_READ_LOG
if (readLog) {
  const {appendFileSync, readFileSync} = fs
  fs.readFileSync = function (path, ...rest) {
    appendFileSync(readLog, `${String(path)}\n`)
    return readFileSync.call(this, path, ...rest)
  }
}
syncBuiltinESMExports()
