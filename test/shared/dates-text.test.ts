import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDateText, toIsoDate, toIsoMonth } from '../../shared/dates';
import { parsePeriod, periodLabel, chineseDate } from '../../shared/periods';
import { cleanText, splitList, titleSimilarity, unitNameKey, vocabKey } from '../../shared/text';

describe('tolerant dates', () => {
  it.each([
    ['2019-04-03', '2019-04-03'],
    ['2019/4/3', '2019-04-03'],
    ['2019.4.3', '2019-04-03'],
    ['2019年4月3日', '2019-04-03'],
    ['2019年4月3', '2019-04-03'],
    ['20190403', '2019-04-03'],
    [' 2019 - 04 - 03 ', '2019-04-03'],
    ['２０１９－０４－０３', '2019-04-03'],
    ['2019—4—3', '2019-04-03'],
  ])('%s → %s', (text, iso) => expect(parseDateText(text)).toBe(iso));

  it.each(['2019-02-30', '2019-13-01', '2019-00-10', '2019/4/31', '19-4-3', '四月三日', '', '2019-04'])(
    'rejects %s visibly',
    (text) => expect(parseDateText(text)).toBeNull(),
  );

  it('reads Excel serials, Date cells (as UTC) and yyyymmdd numbers', () => {
    expect(excelSerialToIso(43558)).toBe('2019-04-03');
    expect(excelSerialToIso(43558.75)).toBe('2019-04-03');
    expect(toIsoDate(43558)).toBe('2019-04-03');
    expect(toIsoDate('43558')).toBe('2019-04-03');
    expect(toIsoDate(20190403)).toBe('2019-04-03');
    expect(toIsoDate(new Date(Date.UTC(2019, 3, 3)))).toBe('2019-04-03');
    expect(toIsoDate(new Date('invalid'))).toBeNull();
    expect(toIsoDate(20190230)).toBeNull();
    expect(toIsoDate(12)).toBeNull();
    expect(toIsoDate(true)).toBeNull();
  });

  it('reads months', () => {
    expect(toIsoMonth('2019-4')).toBe('2019-04');
    expect(toIsoMonth('2019年4月')).toBe('2019-04');
    expect(toIsoMonth('2019-04-15')).toBe('2019-04');
    expect(toIsoMonth('2019-13')).toBeNull();
  });
});

describe('periods', () => {
  it('parses the codes the CLI accepts', () => {
    expect(parsePeriod('2019-04')?.code).toBe('2019-04');
    expect(parsePeriod('2019-4')?.end).toBe('2019-04-30');
    expect(parsePeriod('2019q2')?.code).toBe('2019Q2');
    expect(parsePeriod('2019Q2')?.end).toBe('2019-06-30');
    expect(parsePeriod('2020-02')?.end).toBe('2020-02-29');
    expect(parsePeriod('2019')?.start).toBe('2019-01-01');
    expect(parsePeriod('2019Q5')).toBeNull();
    expect(parsePeriod('2019-13')).toBeNull();
    expect(periodLabel(parsePeriod('2019Q2')!)).toBe('2019年第二季度');
    expect(chineseDate('2019-07-10')).toBe('2019年7月10日');
  });
});

describe('Chinese text', () => {
  it('normalises unit names for matching, keeping the original for display', () => {
    expect(unitNameKey('区发展和改革委员会')).toBe(unitNameKey('莱芜区发展和改革委员会'));
    expect(unitNameKey('济南市莱芜区财政局')).toBe(unitNameKey('区财政局'));
    expect(unitNameKey('莱芜区凤城街道')).toBe(unitNameKey('凤城街道'));
    expect(unitNameKey('区 财政局　')).toBe(unitNameKey('区财政局'));
    expect(unitNameKey('市自然资源和规划局第一服务中心')).toBe('市自然资源和规划局第一服务中心');
    expect(unitNameKey('区')).toBe('区');
  });

  it('turns full-width ASCII half-width but keeps Chinese punctuation', () => {
    expect(cleanText('ＡＢＣ１２３　（第一期），')).toBe('ABC123 （第一期），');
    expect(unitNameKey('区财政局（本级）')).toBe(unitNameKey('区财政局(本级)'));
    expect(vocabKey('《济南政务信息·专报》')).toBe('济南政务信息专报');
  });

  it('splits lists', () => {
    expect(splitList('张三、李四；王五,赵六')).toEqual(['张三', '李四', '王五', '赵六']);
  });

  it('scores similar titles by character bigrams', () => {
    expect(titleSimilarity('凤城街道推进老旧小区改造', '凤城街道推进老旧小区改造工作')).toBeGreaterThan(0.8);
    expect(titleSimilarity('凤城街道推进老旧小区改造', '区财政局开展预算绩效评价')).toBeLessThan(0.2);
  });
});
