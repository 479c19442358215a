/** Vite's `?url` imports: the emitted asset's URL (the app does not load `vite/client` types). */
declare module '*?url' {
  const url: string;
  export default url;
}
