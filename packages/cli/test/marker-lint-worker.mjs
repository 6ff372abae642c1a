// A helper thread that gives back a run of its own (lint-thread.test.ts): it shows where the helper's lines and exit code go.
import {parentPort} from 'node:worker_threads'

parentPort?.postMessage({lines: [{stream: 'out', text: 'printed by the helper'}, {stream: 'err', text: 'a line to stderr'}, {stream: 'out', text: 'and one more to stdout'}], code: 3})
