/**
 * Demo township (演示乡镇): a deterministic generator of 联合乡 (彭水, 重庆) as its 2019 work report describes it,
 * loaded and evaluated on the first start of the demo run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package cn.shoudi.demo;
