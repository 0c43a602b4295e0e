/**
 * The HTTP edge of identity: sign-up, sign-in, token refresh, the caller's profile, JWKS.
 */
@NullMarked
package io.emporium.identity.web;

import org.jspecify.annotations.NullMarked;
