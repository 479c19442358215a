/** Lets TypeScript see the side-effect import of this stylesheet (Vite bundles it). */
export {};
