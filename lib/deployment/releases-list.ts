import { RELEASES } from '../../releases';
import { RELEASE_NAMES } from '../../releases/names';

/** Every release definition, in kustomization order. */
export const ALL_RELEASES = RELEASE_NAMES.map((name) => RELEASES[name]);
