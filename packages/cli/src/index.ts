export {main} from './main.js'
export {exitCodes, type Io} from './io.js'
export {readContentFiles} from './content-files.js'
