import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import type { InputOf } from '@/contracts';
import { ADDRESS_MAX } from '@/contracts/school';
import { shareTitle } from './share-title';
import { useCall } from '@/hooks/use-call';
import { useElderMode } from '@/hooks/use-elder-mode';
import LookupResultView from '@/components/lookup-result';
import StatusView from '@/components/status-view';
import type { FamilyFacts } from '@/domain/admission';
import { pagePath, readParam, writePageQuery, type PageQuery } from '@/services/page-url';
import { rememberDistrict } from '@/services/chosen-district';
import './index.scss';

const ROUTE = '/pages/lookup/index';
const SCHOOL_NAME_MAX = 40;

/**
 * 查学区: pick 区 → 街道 → 社区 (or type an address or a school name) and see the 学区 and zoned schools,
 * with why. The question lives in the URL (district, street, community, address, school): a reload, a
 * bookmark or a shared link asks it again. A typed address goes into the URL only on this phone and in
 * the lookup call; the parent decides whether to share it.
 */
export default function LookupPage() {
  const { params } = useRouter();
  const elder = useElderMode();
  const [districtCode, setDistrictCode] = useState<string | null>(() => readParam(params, 'district'));
  const [streetCode, setStreetCode] = useState<string | null>(() =>
    districtCode ? readParam(params, 'street') : null,
  );
  const [communityCode, setCommunityCode] = useState<string | null>(() =>
    streetCode ? readParam(params, 'community') : null,
  );
  const [schoolName, setSchoolName] = useState(() =>
    districtCode ? (readParam(params, 'school')?.slice(0, SCHOOL_NAME_MAX) ?? '') : '',
  );
  const [address, setAddress] = useState(() =>
    districtCode ? (readParam(params, 'address')?.slice(0, ADDRESS_MAX) ?? '') : '',
  );
  const [typed, setTyped] = useState(schoolName);
  const [typedAddress, setTypedAddress] = useState(address);
  const [addressHint, setAddressHint] = useState<string | null>(null);
  // Asked only when the district's rules make it matter; sent with the lookup, never stored.
  const [family, setFamily] = useState<FamilyFacts>({});
  const told = Object.values(family).some((v) => v !== undefined);
  // What the family told is about this home: another place starts afresh.
  useEffect(() => setFamily({}), [streetCode, communityCode, address]);

  const districts = useCall('school', 'listDistricts', {});
  const divisions = useCall('school', 'listDivisions', districtCode ? { districtCode } : null);
  const district = districts.data?.find((d) => d.code === districtCode) ?? null;
  const currentStreet = divisions.data?.streets.find((s) => s.code === streetCode);
  const community = currentStreet?.communities.find((c) => c.code === communityCode) ?? null;
  const query: InputOf<'school', 'lookup'> | null =
    districtCode && (streetCode || schoolName || address)
      ? {
          districtCode,
          ...(streetCode ? { streetCode } : {}),
          ...(communityCode ? { communityCode } : {}),
          ...(address ? { address } : {}),
          ...(schoolName ? { schoolName } : {}),
          ...(told ? { family } : {}),
        }
      : null;
  const result = useCall('school', 'lookup', query);

  const urlQuery: PageQuery = {
    district: districtCode,
    street: streetCode,
    community: communityCode,
    address,
    school: schoolName,
  };
  const urlKey = JSON.stringify(urlQuery);
  useEffect(() => {
    writePageQuery(ROUTE, urlQuery);
    if (districtCode) rememberDistrict(districtCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlKey]);
  // Back from another tab or page, the router shows the bare path: put the question back.
  useDidShow(() => writePageQuery(ROUTE, urlQuery));

  useShareAppMessage(() => ({
    title: result.data
      ? shareTitle(result.data, address || schoolName)
      : '查学区：输入住址，看看属于哪个学区、划片到哪所学校',
    path: pagePath(ROUTE, urlQuery),
  }));

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

  const pickDistrict = (code: string | null) => {
    setFamily({});
    setDistrictCode(code);
    setStreetCode(null);
    setCommunityCode(null);
    setSchoolName('');
    setAddress('');
    setTyped('');
    setTypedAddress('');
  };
  const searchAddress = () => {
    const text = typedAddress.trim();
    setAddressHint(
      text ? null : elder.say('请先填写门牌地址，如“互助道32号”或小区名称', '请先写上住址，比如“互助道32号”'),
    );
    if (!text) return;
    setSchoolName('');
    setAddress(text);
  };
  const searchSchool = () => {
    setStreetCode(null);
    setCommunityCode(null);
    setAddress('');
    setSchoolName(typed.trim());
  };
  const addressFull = typedAddress.length >= ADDRESS_MAX;

  return (
    <View className={`lookup ${elder.cls}`}>
      <View className="lookup__intro">
        <Text>
          {elder.say(
            '选择住址所在的区、街道和社区，查看所属学区、划片学校和依据。地址只用于本次查询，不会保存。',
            '选一选家住在哪个区、哪条街道，就能看到孩子上哪所学校。住址不会被保存。',
          )}
        </Text>
      </View>

      <View className="lookup__section">
        <Text className="lookup__label">{elder.say('1. 区县', '第一步：选区')}</Text>
        <StatusView loading={districts.loading} error={districts.error} onRetry={districts.reload} />
        {districtCode && district ? (
          <View className="lookup__chosen" data-testid="chosen-district">
            <Text>{district.name}</Text>
            <Text className="lookup__change" data-testid="change-district" onClick={() => pickDistrict(null)}>
              更改
            </Text>
          </View>
        ) : (
          <View className="lookup__options">
            {districts.data?.map((d) => (
              <View
                key={d.code}
                className="lookup__option"
                data-testid={`district-${d.code}`}
                onClick={() => pickDistrict(d.code)}
              >
                <Text>
                  {d.city} {d.name}
                </Text>
                <Text className="lookup__hint">{d.xuequCount}个学区</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      {district && (
        <View className="lookup__section">
          <Text className="lookup__label">{elder.say('2. 街道', '第二步：选街道')}</Text>
          <StatusView loading={divisions.loading} error={divisions.error} onRetry={divisions.reload} />
          {streetCode && currentStreet ? (
            <View className="lookup__chosen" data-testid="chosen-street">
              <Text>{currentStreet.name}</Text>
              <Text
                className="lookup__change"
                onClick={() => {
                  setStreetCode(null);
                  setCommunityCode(null);
                }}
              >
                更改
              </Text>
            </View>
          ) : (
            <View className="lookup__options lookup__options--grid">
              {divisions.data?.streets.map((s) => (
                <View
                  key={s.code}
                  className="lookup__option"
                  data-testid={`street-${s.code}`}
                  onClick={() => {
                    setStreetCode(s.code);
                    setCommunityCode(null);
                    setSchoolName('');
                  }}
                >
                  <Text>{s.name}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}

      {currentStreet && (
        <View className="lookup__section">
          <Text className="lookup__label">{elder.say('3. 社区', '第三步：选社区')}</Text>
          {community ? (
            <View className="lookup__chosen" data-testid="chosen-community">
              <Text>{community.name}</Text>
              <Text className="lookup__change" onClick={() => setCommunityCode(null)}>
                更改
              </Text>
            </View>
          ) : (
            <View className="lookup__options lookup__options--grid">
              {currentStreet.communities.map((c) => (
                <View
                  key={c.code}
                  className="lookup__option"
                  data-testid={`community-${c.code}`}
                  onClick={() => setCommunityCode(c.code)}
                >
                  <Text>{c.name}</Text>
                </View>
              ))}
              {currentStreet.communities.length === 0 && <Text className="lookup__hint">该街道没有社区数据</Text>}
            </View>
          )}
        </View>
      )}

      {district && (
        <View className="lookup__section">
          <Text className="lookup__label" id="address-label">
            {elder.say('门牌地址（可选，更准确）', '或者直接写住址（门牌号）')}
          </Text>
          <View className="lookup__search-row">
            <Input
              className="lookup__input"
              data-testid="address-input"
              aria-labelledby="address-label"
              value={typedAddress}
              placeholder="如：互助道32号、诚厚里小区"
              maxlength={ADDRESS_MAX}
              onInput={(e) => setTypedAddress(e.detail.value)}
              onConfirm={searchAddress}
            />
            <Button className="lookup__search-btn" data-testid="address-search" type="primary" onClick={searchAddress}>
              查询
            </Button>
          </View>
          <Text className={`lookup__count${addressFull ? ' lookup__count--full' : ''}`} data-testid="address-count">
            {addressFull
              ? `地址最多${ADDRESS_MAX}字，已到上限，多出的字没有填进去`
              : `${typedAddress.length}/${ADDRESS_MAX}字`}
          </Text>
          {addressHint && (
            <Text className="lookup__hint lookup__hint--block" data-testid="address-hint">
              {addressHint}
            </Text>
          )}
        </View>
      )}

      {district && (
        <View className="lookup__section lookup__search">
          <Text className="lookup__label" id="school-label">
            {elder.say('或输入学校名称', '或者写学校名字')}
          </Text>
          <View className="lookup__search-row">
            <Input
              className="lookup__input"
              data-testid="school-input"
              aria-labelledby="school-label"
              value={typed}
              placeholder="如：互助道小学"
              maxlength={SCHOOL_NAME_MAX}
              onInput={(e) => setTyped(e.detail.value)}
              onConfirm={searchSchool}
            />
            <Button className="lookup__search-btn" data-testid="school-search" type="primary" onClick={searchSchool}>
              查找
            </Button>
          </View>
        </View>
      )}

      <View id="lookup-answer" />
      {query && <StatusView loading={result.loading} error={result.error} onRetry={result.reload} />}
      {query && result.data && !result.loading && district && (
        <LookupResultView
          result={result.data}
          address={address}
          onOpenSchool={(id) => void Taro.navigateTo({ url: `/pages/school/index?id=${id}` })}
          onOpenXuequ={(id) => void Taro.navigateTo({ url: `/pages/xuequ-detail/index?id=${id}` })}
          onOpenEnrol={() => void Taro.navigateTo({ url: `/pages/enrol/index?district=${district.code}` })}
          facts={family}
          onAnswer={(key, value) => setFamily({ ...family, [key]: value })}
        />
      )}
    </View>
  );
}
