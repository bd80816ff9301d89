/**
 * The gateway: the one Spring Boot application — REST API, web pages, security, operations, and the application
 * services until one earns its own module. Depends on {@code sync} and {@code catalog}.
 */
package org.branchlink.gateway;
