// Its own entry point: finding hand edits diffs whole outputs (the diff library), which no command but
// `fmrl check` needs, so `fmrl lint` does not load it.
export {adoptHandEdits, type Adopted} from './generated/adopt.js'
export {editedOutsideTables, findHandEdits, type EditProblem, type HandEdit, type HandEdits, type OutputPlace} from './generated/hand-edits.js'
