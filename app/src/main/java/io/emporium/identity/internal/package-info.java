/** Accounts, password hashing, signing keys and token issuing behind the identity API. */
@NullMarked
package io.emporium.identity.internal;

import org.jspecify.annotations.NullMarked;
