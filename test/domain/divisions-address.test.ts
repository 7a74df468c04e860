import { divisionsNamedInAddress, type Division } from '@/domain/divisions';

// A typed address names a 街道 / 社区 only as a place, never through the name of its road.
const D: Division[] = [
  { code: '440104002', name: '北京街道', level: 'street', parentCode: '440104' },
  { code: '440104002001', name: '文明社区居委会', level: 'community', parentCode: '440104002' },
  { code: '120102001', name: '大王庄街道', level: 'street', parentCode: '120102' },
  { code: '120102001001', name: '诚厚里社区居委会', level: 'community', parentCode: '120102001' },
];
const names = (address: string) => divisionsNamedInAddress(D, address).map((d) => d.name);

describe('places named in a typed address', () => {
  it.each([
    ['北京路15号', []],
    ['广州市越秀区文明路8号', []],
    ['北京街道北京路15号', ['北京街道']],
    ['河东区大王庄诚厚里3号楼', ['诚厚里社区居委会']],
    ['诚厚里社区', ['诚厚里社区居委会']],
  ])('%s → %j', (address, expected) => {
    expect(names(address)).toEqual(expected);
  });
});
