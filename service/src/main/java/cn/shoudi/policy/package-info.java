/**
 * Policy (策略): versions of the decision tables that policy staff upload, validate, simulate, approve, publish and
 * roll back at run time, with an audit of every step. Publishing swaps the evaluator atomically and re-evaluates
 * every household.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package cn.shoudi.policy;
