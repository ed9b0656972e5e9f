import { loadPolnear } from './scripts/lib/shared-data.ts';
const [id, a, b] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const d = loadPolnear().find((x) => x.id.includes(id))!;
console.log(d.text.slice(a, b));
