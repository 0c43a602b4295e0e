package io.emporium.catalog.internal;

import java.time.Clock;
import java.util.List;

import io.emporium.catalog.internal.DemoBooks.DemoProduct;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.Warehouse;
import io.emporium.platform.StartupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty catalog with the demo book store (and optional synthetic products)
 * before the node reports ready. Nodes starting together take turns under the start-up
 * lock and check inside it, so one of them seeds and the others find the work done; the
 * unique constraints would still let only one win.
 */
@Component
class DemoStore {

	private static final Logger log = LoggerFactory.getLogger(DemoStore.class);

	private final DemoProperties properties;

	private final ProductStore products;

	private final CategoryStore categories;

	private final Inventory inventory;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final StartupLock startupLock;

	DemoStore(DemoProperties properties, ProductStore products, CategoryStore categories, Inventory inventory,
			TransactionTemplate transactions, Clock clock, StartupLock startupLock) {
		this.properties = properties;
		this.products = products;
		this.categories = categories;
		this.inventory = inventory;
		this.transactions = transactions;
		this.clock = clock;
		this.startupLock = startupLock;
	}

	@EventListener(ApplicationStartedEvent.class)
	void seed() {
		if (!this.properties.enabled()) {
			return;
		}
		this.startupLock.runLocked("catalog-demo-store", () -> {
			if (this.products.count() == 0) {
				load(DemoBooks.categories(), DemoBooks.books());
			}
			if (this.properties.products() > 0) {
				load(DemoBooks.categories(), DemoBooks.synthetic(this.properties.products()));
			}
		});
	}

	/**
	 * Inserts the categories that are missing and the products unless the first of them
	 * already exists; returns whether this call inserted them.
	 */
	boolean load(List<Category> tree, List<DemoProduct> demo) {
		if (demo.isEmpty()) {
			return false;
		}
		long started = System.nanoTime();
		try {
			Boolean loaded = this.transactions.execute(status -> {
				if (this.products.idOf(demo.get(0).slug()).isPresent()) {
					return false;
				}
				List<String> known = this.categories.all().stream().map(Category::slug).toList();
				tree.stream()
					.filter(category -> !known.contains(category.slug()))
					.forEach(category -> this.categories.insert(category.slug(), category.name(), category.parent(),
							category.position()));
				this.inventory.addWarehouse(new Warehouse(DemoBooks.BERLIN, "Berlin warehouse", 20));
				this.products.insertBatch(demo, this.clock.instant());
				this.inventory.setStock(demo.stream().flatMap(product -> product.stock().stream()).toList());
				return true;
			});
			if (Boolean.TRUE.equals(loaded)) {
				log.atInfo()
					.setMessage("demo products loaded")
					.addKeyValue("count", demo.size())
					.addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
					.log();
			}
			return Boolean.TRUE.equals(loaded);
		}
		catch (DuplicateKeyException ex) {
			log.atInfo().setMessage("demo products already loaded by another node").log();
			return false;
		}
	}

}
