import { useEffect, useState, type ReactNode } from 'react';
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
import { PLAIN } from '@/services/plain-wording';
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
    setAddressHint(text ? null : elder.say(...PLAIN.lookupAddressEmpty));
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
        <Text>{elder.say(...PLAIN.lookupIntro)}</Text>
      </View>

      <PickStep
        what="district"
        label={elder.say(...PLAIN.lookupDistrict)}
        status={<StatusView loading={districts.loading} error={districts.error} onRetry={districts.reload} />}
        chosen={districtCode && district ? district.name : null}
        onChange={() => pickDistrict(null)}
        choices={districts.data?.map((d) => ({
          code: d.code,
          label: `${d.city} ${d.name}`,
          hint: `${d.xuequCount}个学区`,
        }))}
        onPick={pickDistrict}
      />

      {district && (
        <PickStep
          what="street"
          grid
          label={elder.say(...PLAIN.lookupStreet)}
          status={<StatusView loading={divisions.loading} error={divisions.error} onRetry={divisions.reload} />}
          chosen={streetCode && currentStreet ? currentStreet.name : null}
          onChange={() => {
            setStreetCode(null);
            setCommunityCode(null);
          }}
          choices={divisions.data?.streets.map((s) => ({ code: s.code, label: s.name }))}
          onPick={(code) => {
            setStreetCode(code);
            setCommunityCode(null);
            setSchoolName('');
          }}
        />
      )}

      {currentStreet && (
        <PickStep
          what="community"
          grid
          label={elder.say(...PLAIN.lookupCommunity)}
          chosen={community ? community.name : null}
          onChange={() => setCommunityCode(null)}
          choices={currentStreet.communities.map((c) => ({ code: c.code, label: c.name }))}
          onPick={setCommunityCode}
          empty={currentStreet.communities.length === 0 && <Text className="lookup__hint">该街道没有社区数据</Text>}
        />
      )}

      {district && (
        <SearchStep
          what="address"
          label={elder.say(...PLAIN.lookupAddress)}
          value={typedAddress}
          placeholder="如：互助道32号、诚厚里小区"
          max={ADDRESS_MAX}
          onInput={setTypedAddress}
          onSearch={searchAddress}
          button="查询"
        >
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
        </SearchStep>
      )}

      {district && (
        <SearchStep
          what="school"
          label={elder.say(...PLAIN.lookupSchoolName)}
          value={typed}
          placeholder="如：互助道小学"
          max={SCHOOL_NAME_MAX}
          onInput={setTyped}
          onSearch={searchSchool}
          button="查找"
        />
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

/**
 * One step of the 区 → 街道 → 社区 picker: the choices, or the chosen one with 更改. Test ids follow `what`:
 * `${what}-<code>` per choice, `chosen-${what}` and `change-${what}`.
 */
function PickStep(props: {
  what: 'district' | 'street' | 'community';
  label: string;
  /** Loading or error of the list, under the label. */
  status?: ReactNode;
  chosen: string | null;
  onChange: () => void;
  choices: ReadonlyArray<{ code: string; label: string; hint?: string }> | undefined;
  onPick: (code: string) => void;
  /** Several short names to a row (街道, 社区) rather than one long one per row (区). */
  grid?: boolean;
  empty?: ReactNode;
}) {
  const { what } = props;
  return (
    <View className="lookup__section">
      <Text className="lookup__label">{props.label}</Text>
      {props.status}
      {props.chosen !== null ? (
        <View className="lookup__chosen" data-testid={`chosen-${what}`}>
          <Text>{props.chosen}</Text>
          <Text className="lookup__change" data-testid={`change-${what}`} onClick={props.onChange}>
            更改
          </Text>
        </View>
      ) : (
        <View className={`lookup__options${props.grid ? ' lookup__options--grid' : ''}`}>
          {props.choices?.map((c) => (
            <View
              key={c.code}
              className="lookup__option"
              data-testid={`${what}-${c.code}`}
              onClick={() => props.onPick(c.code)}
            >
              <Text>{c.label}</Text>
              {c.hint && <Text className="lookup__hint">{c.hint}</Text>}
            </View>
          ))}
          {props.empty}
        </View>
      )}
    </View>
  );
}

/** A typed search (门牌地址 or 学校名称): label, input and button; test ids `${what}-input`, `${what}-search`. */
function SearchStep(props: {
  what: 'address' | 'school';
  label: string;
  value: string;
  placeholder: string;
  max: number;
  onInput: (value: string) => void;
  onSearch: () => void;
  button: string;
  children?: ReactNode;
}) {
  const { what } = props;
  return (
    <View className="lookup__section">
      <Text className="lookup__label" id={`${what}-label`}>
        {props.label}
      </Text>
      <View className="lookup__search-row">
        <Input
          className="lookup__input"
          data-testid={`${what}-input`}
          aria-labelledby={`${what}-label`}
          value={props.value}
          placeholder={props.placeholder}
          maxlength={props.max}
          onInput={(e) => props.onInput(e.detail.value)}
          onConfirm={props.onSearch}
        />
        <Button className="lookup__search-btn" data-testid={`${what}-search`} type="primary" onClick={props.onSearch}>
          {props.button}
        </Button>
      </View>
      {props.children}
    </View>
  );
}
