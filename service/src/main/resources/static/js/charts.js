// Renders every element with a data-chart attribute (an ECharts option as JSON) once the page has loaded.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.init(el);
    chart.setOption(JSON.parse(el.getAttribute('data-chart')));
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
