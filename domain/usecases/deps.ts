import type { Catalog } from '../catalog/catalog';
import type { Clock, Ids, Store } from '../ports';

export interface UseCaseDeps {
  catalog: Catalog;
  store: Store;
  clock: Clock;
  ids: Ids;
}
