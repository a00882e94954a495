/**
 * File output below everything that writes files ({@code family}'s writers, {@code report}, the
 * caches of {@code experiment}): {@link org.unlearnstability.io.AtomicOutput} writes through a
 * temporary file in the target's directory and moves it over the target, so an interrupted run never
 * leaves a half-written file.
 */
package org.unlearnstability.io;
