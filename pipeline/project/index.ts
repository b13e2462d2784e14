export {buildProject, extractDocuments, extractProject, importProject, paths, type BuildEntry, type ImportResult, type Outputs, type Stores} from './lib/project.ts'
export {omegatProject, type OmegatOptions} from './lib/omegat.ts'
