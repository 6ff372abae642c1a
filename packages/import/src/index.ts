export {importMarkdown, type FileImport} from './import.js'
export {mergeImports, type Conflict, type MergeOptions, type MergeResult} from './merge.js'
export {combineReports, type ImportReport, type ReportItem, type Unit, type UnitCounts} from './report.js'
export {normalizeUrl} from './urls.js'
