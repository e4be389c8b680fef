/**
 * API contract (接口契约): the OpenAPI 3.1 description of every {@code /api/**} endpoint served at
 * {@code /v3/api-docs} with Swagger UI, its security schemes, problem-details error responses and example request
 * bodies. Depends on no feature; the features describe their own operations with annotations.
 */
@ApplicationModule(displayName = "API contract")
package cn.shoudi.contract;

import org.springframework.modulith.ApplicationModule;
