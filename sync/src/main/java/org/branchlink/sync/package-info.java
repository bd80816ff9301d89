/**
 * The sync module: the site registry (which sites the federation has and how their data reaches us) and the Camel
 * routes and connectors that move data between sites. Depends on {@code catalog}, never on {@code gateway}.
 */
package org.branchlink.sync;
