// Concept names beyond the file itself: the offline MeSH index (built from
// NLM's files, opened lazily), the NLM downloader, the MeSH checks' facts, and
// online look-ups (NCBI Gene, Taxonomy, dbSNP, Cellosaurus). Pure Node, no
// editor: the server, the CLI and the VS Code command share it.

export {
  buildMeshIndex, bytesInMemory, openMeshIndex, openMeshIndexBytes, MeshIndexError, MeshInputError,
} from './meshIndex';
export type {
  BuildMeshIndexOptions, BuildMeshIndexResult, BuiltInput, IndexBytes, MeshHeadingRef, MeshIndex, MeshMatchRank, MeshNameMatch,
  MeshRecord, MeshRecordKind, StoredRecord, YearSource,
} from './meshIndex';
export {
  downloadMeshFiles, currentMeshYear, MeshDownloadError, NLM_MESH_XML_BASE,
} from './meshDownload';
export type { DownloadMeshOptions, DownloadedMesh, MeshFileKind } from './meshDownload';
export { meshNameMismatch, unknownMeshUi } from './meshChecks';
export { isMeshAtom, meshBrowserUrl, meshCredit, meshUiOf } from './meshIds';
export { OnlineConcepts, ONLINE_NAMESPACES } from './online/onlineConcepts';
export type { OnlineAnswer, OnlineConceptsOptions, OnlineFacts, OnlineNamespace } from './online/onlineConcepts';
export { onlineTarget } from './online/targets';
export type { OnlineTarget } from './online/targets';
export { conceptSourcesKey, meshHas, meshRecord, meshSearch, onlineKnown } from './conceptSources';
export type { ConceptSources, MeshLookup, OnlineNames } from './conceptSources';
export { expandHome, isMeshIndexFile, meshIndexPathFor, removeOtherIndexes } from './meshIndexFiles';
