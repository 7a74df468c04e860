import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { InputOf } from '../../contracts';
import { useCall } from '../../hooks/use-call';
import LookupResultView from '../../components/lookup-result';
import StatusView from '../../components/status-view';
import type { FamilyFacts } from '../../domain/admission';
import './index.scss';

type Place = { code: string; name: string };

/** 查学区: pick 区 → 街道 → 社区 (or type a school name) and see the 学区 and zoned schools, with why. */
export default function LookupPage() {
  const [district, setDistrict] = useState<Place | null>(null);
  const [street, setStreet] = useState<Place | null>(null);
  const [community, setCommunity] = useState<Place | null>(null);
  const [typed, setTyped] = useState('');
  const [schoolName, setSchoolName] = useState('');
  const [typedAddress, setTypedAddress] = useState('');
  const [address, setAddress] = useState('');
  const [addressHint, setAddressHint] = useState<string | null>(null);
  // Asked only when the district's rules make it matter; sent with the lookup, never stored.
  const [family, setFamily] = useState<FamilyFacts>({});
  const told = Object.values(family).some((v) => v !== undefined);
  // What the family told is about this home: another place starts afresh.
  useEffect(() => setFamily({}), [street?.code, community?.code, address]);

  const districts = useCall('school', 'listDistricts', {});
  const divisions = useCall('school', 'listDivisions', district ? { districtCode: district.code } : null);
  const query: InputOf<'school', 'lookup'> | null =
    district && (street || schoolName || address)
      ? {
          districtCode: district.code,
          ...(street ? { streetCode: street.code } : {}),
          ...(community ? { communityCode: community.code } : {}),
          ...(address ? { address } : {}),
          ...(schoolName ? { schoolName } : {}),
          ...(told ? { family } : {}),
        }
      : null;
  const result = useCall('school', 'lookup', query);

  // A new answer starts below the pickers: bring it into view.
  useEffect(() => {
    if (!result.data || result.loading) return;
    try {
      void Promise.resolve(Taro.pageScrollTo({ selector: '#lookup-answer', duration: 300 })).catch(() => undefined);
    } catch {
      // Scrolling is a convenience: the answer is there either way.
    }
  }, [result.data, result.loading]);

  usePullDownRefresh(() => {
    void Promise.all([districts.reload(), result.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const pickDistrict = (d: Place | null) => {
    setFamily({});
    setDistrict(d);
    setStreet(null);
    setCommunity(null);
    setSchoolName('');
    setAddress('');
  };
  const currentStreet = divisions.data?.streets.find((s) => s.code === street?.code);
  const searchAddress = () => {
    const text = typedAddress.trim();
    setAddressHint(text ? null : '请先填写门牌地址，如“互助道32号”或小区名称');
    if (!text) return;
    setSchoolName('');
    setAddress(text);
  };
  const searchSchool = () => {
    setStreet(null);
    setCommunity(null);
    setAddress('');
    setSchoolName(typed.trim());
  };

  return (
    <View className='lookup'>
      <View className='lookup__intro'>
        <Text>选择住址所在的区、街道和社区，查看所属学区、划片学校和依据。地址只用于本次查询，不会保存。</Text>
      </View>

      <View className='lookup__section'>
        <Text className='lookup__label'>1. 区县</Text>
        <StatusView loading={districts.loading} error={districts.error} onRetry={districts.reload} />
        {district ? (
          <View className='lookup__chosen' data-testid='chosen-district'>
            <Text>{district.name}</Text>
            <Text className='lookup__change' onClick={() => pickDistrict(null)}>更改</Text>
          </View>
        ) : (
          <View className='lookup__options'>
            {districts.data?.map((d) => (
              <View key={d.code} className='lookup__option' data-testid={`district-${d.code}`} onClick={() => pickDistrict({ code: d.code, name: d.name })}>
                <Text>{d.city} {d.name}</Text>
                <Text className='lookup__hint'>{d.xuequCount}个学区</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      {district && (
        <View className='lookup__section'>
          <Text className='lookup__label'>2. 街道</Text>
          <StatusView loading={divisions.loading} error={divisions.error} onRetry={divisions.reload} />
          {street ? (
            <View className='lookup__chosen' data-testid='chosen-street'>
              <Text>{street.name}</Text>
              <Text className='lookup__change' onClick={() => { setStreet(null); setCommunity(null); }}>更改</Text>
            </View>
          ) : (
            <View className='lookup__options lookup__options--grid'>
              {divisions.data?.streets.map((s) => (
                <View key={s.code} className='lookup__option' data-testid={`street-${s.code}`} onClick={() => { setStreet({ code: s.code, name: s.name }); setSchoolName(''); }}>
                  <Text>{s.name}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}

      {currentStreet && (
        <View className='lookup__section'>
          <Text className='lookup__label'>3. 社区</Text>
          {community ? (
            <View className='lookup__chosen' data-testid='chosen-community'>
              <Text>{community.name}</Text>
              <Text className='lookup__change' onClick={() => setCommunity(null)}>更改</Text>
            </View>
          ) : (
            <View className='lookup__options lookup__options--grid'>
              {currentStreet.communities.map((c) => (
                <View key={c.code} className='lookup__option' data-testid={`community-${c.code}`} onClick={() => setCommunity({ code: c.code, name: c.name })}>
                  <Text>{c.name}</Text>
                </View>
              ))}
              {currentStreet.communities.length === 0 && <Text className='lookup__hint'>该街道没有社区数据</Text>}
            </View>
          )}
        </View>
      )}

      {district && (
        <View className='lookup__section'>
          <Text className='lookup__label'>门牌地址（可选，更准确）</Text>
          <View className='lookup__search-row'>
            <Input className='lookup__input' data-testid='address-input' value={typedAddress} placeholder='如：互助道32号、诚厚里小区' maxlength={100} onInput={(e) => setTypedAddress(e.detail.value)} onConfirm={searchAddress} />
            <Button className='lookup__search-btn' data-testid='address-search' size='mini' type='primary' onClick={searchAddress}>查询</Button>
          </View>
          {addressHint && <Text className='lookup__hint' data-testid='address-hint'>{addressHint}</Text>}
        </View>
      )}

      {district && (
        <View className='lookup__section lookup__search'>
          <Text className='lookup__label'>或输入学校名称</Text>
          <View className='lookup__search-row'>
            <Input className='lookup__input' data-testid='school-input' value={typed} placeholder='如：互助道小学' maxlength={40} onInput={(e) => setTyped(e.detail.value)} onConfirm={searchSchool} />
            <Button className='lookup__search-btn' data-testid='school-search' size='mini' type='primary' onClick={searchSchool}>查找</Button>
          </View>
        </View>
      )}

      <View id='lookup-answer' />
      {query && <StatusView loading={result.loading} error={result.error} onRetry={result.reload} />}
      {query && result.data && !result.loading && (
        <LookupResultView
          result={result.data}
          address={address}
          onOpenSchool={(id) => void Taro.navigateTo({ url: `/pages/school/index?id=${id}` })}
          onOpenXuequ={(id) => void Taro.navigateTo({ url: `/pages/xuequ-detail/index?id=${id}` })}
          onOpenEnrol={() => void Taro.navigateTo({ url: `/pages/enrol/index?district=${district!.code}` })}
          facts={family}
          onAnswer={(key, value) => setFamily({ ...family, [key]: value })}
        />
      )}
    </View>
  );
}
