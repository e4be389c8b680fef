// Renders every element with a data-chart attribute (an ECharts option as JSON) once the page has loaded, as SVG (its
// text can be read and measured), with settings that keep every label whole at phone and desktop widths: the grid
// makes room for the axis labels (no "1,200" cut to ",200"), category labels rotate when the chart is narrow, and pie
// labels sit at the chart's edges, broken onto two lines, instead of running off it.
(function () {
  function readable(option, width) {
    var narrow = width < 480;
    if (option.xAxis) {
      option.grid = Object.assign({left: 20, right: 24, top: option.legend ? 44 : 16, bottom: 16, containLabel: true},
        option.grid || {});
      [].concat(option.xAxis).forEach(function (axis) {
        if (axis.type === 'category') {
          axis.axisLabel = Object.assign({interval: 0, rotate: narrow ? 40 : 0, fontSize: narrow ? 11 : 12},
            axis.axisLabel || {});
        }
      });
    }
    if (option.legend) {
      option.legend = Object.assign({type: 'scroll', top: 0}, option.legend);
    }
    (option.series || []).forEach(function (s) {
      if (s.type === 'pie') {
        s.radius = narrow ? '42%' : (s.radius || '55%');
        s.center = ['50%', '55%'];
        s.label = Object.assign({formatter: '{b}\n{c}', alignTo: 'edge', edgeDistance: 6, minMargin: 4,
          lineHeight: 15, fontSize: narrow ? 11 : 12}, s.label || {});
        s.labelLine = Object.assign({length: 10, length2: 0, maxSurfaceAngle: 80}, s.labelLine || {});
      }
    });
    return option;
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.init(el, null, {renderer: 'svg'});
      var option = JSON.parse(el.getAttribute('data-chart'));
      chart.setOption(readable(option, el.clientWidth));
      el.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () {
        chart.setOption(readable(JSON.parse(el.getAttribute('data-chart')), el.clientWidth), true);
        chart.resize();
      });
    });
  });
})();
