import {describeHostileCases} from './hostile/suite.js'

// Half of fixtures/hostile; hostile-2.test.ts runs the other half beside it.
await describeHostileCases(0, 2)
