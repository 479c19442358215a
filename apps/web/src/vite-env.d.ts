/** Vite's `?url` imports: the emitted asset's URL (the app does not load `vite/client` types). */
declare module '*?url' {
  const url: string;
  export default url;
}

/** A stylesheet imported by the component that uses it: Vite adds it to the page. */
declare module '*.css';
