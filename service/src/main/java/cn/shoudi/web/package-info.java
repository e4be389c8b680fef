/**
 * Web (页面): server-rendered pages in Simplified Chinese, every text from {@code messages_zh_CN.properties}. Depends
 * on the features; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package cn.shoudi.web;
