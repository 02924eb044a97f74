/** The IPsec host as a library. */
package org.jsetkey.engine;
