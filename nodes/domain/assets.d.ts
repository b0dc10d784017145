// Text assets (letter templates) are bundled as strings by esbuild and jest's text transform.
declare module '*.hbs' {
	const text: string;
	export default text;
}
