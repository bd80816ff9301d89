/**
 * The sync module: the Camel routes and connectors that move data between the sites of the registry (module
 * {@code site}, which says which sites the federation has and how their data reaches us). Depends on {@code site} and
 * {@code catalog}, never on {@code gateway}.
 */
package org.branchlink.sync;
