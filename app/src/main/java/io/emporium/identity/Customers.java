package io.emporium.identity;

import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of identity. */
public interface Customers {

	Optional<Customer> find(UUID id);

}
