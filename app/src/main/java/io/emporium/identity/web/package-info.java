/**
 * The HTTP edge of identity: sign-up, sign-in, token refresh and the caller's profile.
 */
@NullMarked
package io.emporium.identity.web;

import org.jspecify.annotations.NullMarked;
