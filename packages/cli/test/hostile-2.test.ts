import {describeHostileCases} from './hostile/suite.js'

// Half of fixtures/hostile; hostile-1.test.ts runs the other half beside it.
await describeHostileCases(1, 2)
