// Preloaded (node --import) before the Node test bundle: uvu must see UVU_DEFER before it is first evaluated, or it
// starts running suites while later test files are still loading.
globalThis.UVU_DEFER = 1;
