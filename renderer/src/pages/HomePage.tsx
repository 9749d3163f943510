import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, DatePicker, Empty, List, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { parsePeriod, periodLabel } from '../../../shared/periods';
import { useApp, useInfo } from '../store';
import { useApi } from '../useApi';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

function Chart({ option, height }: { option: echarts.EChartsCoreOption; height: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} style={{ height, width: '100%' }} />;
}

export function HomePage() {
  const info = useInfo();
  const go = useApp((s) => s.go);
  const show = useApp((s) => s.showItems);
  const [month, setMonth] = useState(info?.today.slice(0, 7) ?? '2019-04');
  const d = useApi('dashboard:get', { month }).data;
  if (!d) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={10}>
      <Space>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(x) => x && setMonth(x.format('YYYY-MM'))} />
        <Typography.Text type="secondary">本月数字按报送、采用日期统计；排名为{periodLabel(parsePeriod(d.quarter)!)}至今</Typography.Text>
      </Space>
      <Row gutter={10}>
        {d.groups.map((g) => (
          <Col span={6} key={g.key}>
            <Card size="small">
              {/* the count opens 信息登记 with this month's items of the group */}
              <a
                href={`#entry-${g.key}`}
                data-testid={`home-items-${g.key}`}
                title={`查看${g.name}本月报送的信息`}
                onClick={(e) => {
                  e.preventDefault();
                  show({ month, group: g.key });
                }}
              >
                <Statistic title={`${g.name}：报送（${g.units}个单位）`} value={g.items} suffix="条" />
              </a>
              <Typography.Text type="secondary">{g.quota ? `完成每月${g.quota}条任务：${g.metQuota}/${g.units} 个单位` : ''}</Typography.Text>
            </Card>
          </Col>
        ))}
        <Col span={6}>
          <Card size="small">
            <Row>
              <Col span={12}>
                <Statistic title="本月采用" value={d.adoptions} suffix="条次" />
              </Col>
              <Col span={12}>
                <Statistic title="批示" value={d.instructions} suffix="条次" />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      <Row gutter={10}>
        <Col span={14}>
          <Card size="small" title={`${month.slice(0, 4)}年各月报送与采用`}>
            <Chart
              height={230}
              option={{
                tooltip: { trigger: 'axis' },
                // the legend sits under the months, clear of the two axis titles over the plot (it used to cover 采用's)
                legend: { data: ['报送', '采用'], bottom: 0, left: 'center' },
                grid: { left: 44, right: 44, top: 32, bottom: 52 },
                xAxis: { type: 'category', data: d.series.map((s) => `${Number(s.month.slice(5))}月`) },
                yAxis: [{ type: 'value', name: '报送' }, { type: 'value', name: '采用' }],
                series: [
                  { name: '报送', type: 'bar', data: d.series.map((s) => s.items), itemStyle: { color: '#1f5fa8' } },
                  { name: '采用', type: 'line', yAxisIndex: 1, data: d.series.map((s) => s.adoptions), itemStyle: { color: '#d4380d' } },
                ],
              }}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="本季度排名（前十）" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              size="small"
              items={d.ranking.map((g) => ({
                key: g.group,
                label: g.group,
                children:
                  g.units.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  ) : (
                    <Chart
                      height={190}
                      option={{
                        grid: { left: 120, right: 30, top: 5, bottom: 20 },
                        xAxis: { type: 'value' },
                        yAxis: { type: 'category', inverse: true, data: g.units.map((u) => u.unitName), axisLabel: { width: 110, overflow: 'truncate' } },
                        series: [{ type: 'bar', data: g.units.map((u) => u.total), itemStyle: { color: '#389e0d' }, label: { show: true, position: 'right' } }],
                        tooltip: {},
                      }}
                    />
                  ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={10}>
        <Col span={12}>
          <Card size="small" title={`本月尚未报送的单位（${d.emptyUnits.length}）`} extra={<a onClick={() => go('entry')}>去登记</a>}>
            {d.groups.every((g) => g.units === 0) ? (
              <Typography.Text type="secondary">单位名单中还没有计分单位：请先在“单位名单”中导入或添加单位</Typography.Text>
            ) : d.emptyUnits.length === 0 ? <Typography.Text type="secondary">各单位本月均已报送</Typography.Text> : d.emptyUnits.map((u) => <Tag key={u.unitId}>{u.unitName}</Tag>)}
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={`逾期未报的约稿（${d.overdue.length}）`} extra={<a onClick={() => go('requests')}>去处理</a>}>
            <List size="small" dataSource={d.overdue} locale={{ emptyText: '没有逾期的约稿' }} renderItem={(o) => <List.Item>{`${o.unitName}：${o.issuer}约稿“${o.topic}”，${o.deadline} 截止`}</List.Item>} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
