/**
 * The rules engine of shoudi (守底): a plain Java library, without Spring or a database, that compiles the
 * policy's Drools spreadsheet decision tables, evaluates a household against them and explains every finding.
 */
package cn.shoudi.rules;
