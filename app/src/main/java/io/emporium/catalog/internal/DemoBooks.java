package io.emporium.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.emporium.inventory.StockCount;
import io.emporium.inventory.Warehouse;
import io.emporium.platform.Money;

/**
 * A realistic book store generated from word lists with a fixed seed: the same books,
 * prices and stock on every machine and every run, without a giant data file.
 */
final class DemoBooks {

	static final String BERLIN = "berlin";

	private static final long SEED = 20261125L;

	private static final int BOOKS_PER_SHELF = 18;

	private DemoBooks() {
	}

	/** A leaf category and the words its titles are made of. */
	private record Shelf(String slug, String name, String parent, String pattern, String[] first, String[] second,
			String blurb) {
	}

	private static final List<Category> ROOTS = List.of(new Category("fiction", "Fiction", null, 0),
			new Category("children", "Children", null, 1), new Category("non-fiction", "Non-fiction", null, 2));

	private static final List<Shelf> SHELVES = List.of(
			new Shelf("fantasy", "Fantasy", "fiction", "The %s %s",
					words("Broken Silver Hollow Winter Burning Forgotten Crimson Sunken Ashen Nameless Iron Glass"),
					words("Crown Throne Dragon Sword Tower Queen Forest Oath Gate Kingdom Mage Harbour"),
					"An epic of old magic, uneasy alliances and a choice that will cost %s everything."),
			new Shelf("crime", "Crime", "fiction", "%s %s",
					words("Silent Cold Last Dead Little Midnight Final Quiet Hidden Blind Black Bitter"),
					words("Witness Harbour Alibi Verdict Confession Motive Shadows Evidence Ledger Canal Room Hour"),
					"A detective with nothing left to lose follows %s into the city's darkest corners."),
			new Shelf("science-fiction", "Science fiction", "fiction", "%s %s",
					words("Orbital Quantum Distant Hollow Red Binary Solar Outer Deep Dark Second Vanishing"),
					words("Colony Signal Machine Horizon Protocol Station Drift Engine Frontier Archive Sky Sea"),
					"When the signal arrives, %s must decide what humanity is willing to become."),
			new Shelf("classics", "Classics", "fiction", "%s and %s",
					words("Pride Fortune Virtue Duty Honour Folly Grace Envy Hope Reason Liberty Silence"),
					words("Prejudice Sorrow Innocence Ambition Longing Mercy Ruin Remorse Desire Peace Exile Glory"),
					"A timeless novel of manners and the heart, in which %s learns the price of pride."),
			new Shelf("romance", "Romance", "fiction", "%s in %s", words(
					"Summer Love Christmas Autumn Winter Spring Letters Moonlight Mornings Secrets Dancing Sunsets"),
					words("Paris Cornwall Lisbon Vienna Provence Tuscany Edinburgh Copenhagen Seville Dublin Bruges Prague"),
					"Two strangers, one unforgettable season, and a promise %s never meant to keep."),
			new Shelf("picture-books", "Picture books", "children", "The %s %s",
					words("Little Sleepy Brave Tiny Grumpy Hungry Curious Happy Busy Lonely Clever Noisy"),
					words("Bear Fox Owl Tiger Mouse Hedgehog Rabbit Elephant Penguin Dragon Duckling Whale"),
					"A warm, funny bedtime story with bright pictures, perfect for reading aloud with %s."),
			new Shelf("personalized", "Personalized books", "children", "%s %s", words("My Your The Our"),
					"Big Adventure|Magical Birthday|Journey to the Stars|First Day at School|Name in the Stars|Jungle Expedition|Underwater Quest|Dragon Friend|Christmas Wish|Space Mission|Pirate Treasure|Dinosaur Day"
						.split("\\|"),
					"A personalized picture book in which your child becomes the hero; written with %s in mind."),
			new Shelf("young-adult", "Young adult", "children", "%s of %s", words(
					"Children Daughters Keepers Thieves Heirs Shadows Rebels Ghosts Guardians Songs Echoes Masks"),
					words("Ember Midnight Salt Thorns Storms Glass Bone Smoke Stars Ravens Silence Fire"),
					"Sixteen-year-old %s discovers a secret that will tear her world apart."),
			new Shelf("history", "History", "non-fiction", "%s: %s",
					words("Empire Revolution Silk Iron Plague Rome Byzantium Venice Carthage Prussia Babylon Atlantic"),
					"A New History|The Rise and Fall|The Untold Story|A Biography|Power and Ruin|The Long Century|An Illustrated History|The Last Days|Trade and Conquest|The Forgotten War|Voices from the Past|The Making of a World"
						.split("\\|"),
					"A gripping and authoritative account, drawn from new sources, by historian %s."),
			new Shelf("science", "Science", "non-fiction", "The %s of %s",
					words("Secret Hidden Strange Elegant Curious Invisible Restless Quiet Wild Simple Deep Wonderful"),
					words("Life Everything Time Light Cells Numbers Atoms Forests Oceans Stars Memory Genes"),
					"A brilliant, accessible journey to the edge of what we know, guided by %s."),
			new Shelf("cooking", "Cooking", "non-fiction", "%s %s",
					words("Simple Everyday Slow Green Italian Nordic Persian Japanese Sunday Quick Rustic Modern"),
					words("Kitchen Suppers Baking Bowls Feasts Vegetables Bread Pasta Soups Salads Desserts Breakfasts"),
					"Over a hundred recipes for real kitchens, tested and loved by %s."),
			new Shelf("biography", "Biography", "non-fiction", "%s: A %s", words(
					"Curie Darwin Lovelace Turing Hokusai Nightingale Humboldt Tesla Frida Mozart Goethe Hypatia"),
					"Life|Portrait|Life in Letters|Restless Mind|Life in Twelve Objects|Biography|Life of Wonder|Life Reconsidered|Memoir|Life in Pictures|Life Apart|Life in Full"
						.split("\\|"),
					"The definitive life of a singular mind, told with warmth and rigour by %s."),
			new Shelf("travel", "Travel", "non-fiction", "%s %s",
					words("Walking Cycling Sailing Slow Wild Hidden Northern Southern Coastal Secret Lost Eastern"),
					words("Iceland Patagonia Japan Scotland Norway Morocco Portugal Greece Alps Andes Balkans Baltic"),
					"Maps, routes and stories from the road, gathered over many years by %s."));

	private static final String[] FIRST_NAMES = words(
			"Anna Ben Clara David Elena Felix Greta Hugo Ines Jonas Katrin Lukas Maya Noah Olivia Paul Rosa Simon Tara Viktor Zoe Amara Ravi Yusuf Mei Lars Sofia Tomas Ingrid Leo");

	private static final String[] LAST_NAMES = words(
			"Abbott Brandt Castell Dufresne Eriksen Falk Gallagher Hartmann Iversen Jansen Keller Lindqvist Moreau Novak Okafor Petrov Quinn Rossi Sato Thornton Ueda Vasquez Weber Yilmaz Zeller Hale Marsh Whitlock Ashby Kowalski");

	private static final String[] PUBLISHERS = { "Lanternhouse", "Blue Heron Press", "Millbrook & Sons",
			"Northlight Books", "Quire Editions", "Foxglove Publishing", "Harbourside", "Atlas & Quill" };

	private static final String[] HEROES = words("Ada Elias Mira Jonah Ivy Caspar Nell Oskar Wren Theo Lena Rufus");

	static List<Category> categories() {
		List<Category> categories = new ArrayList<>(ROOTS);
		Map<String, Integer> positions = new LinkedHashMap<>();
		for (Shelf shelf : SHELVES) {
			int position = positions.merge(shelf.parent(), 1, Integer::sum) - 1;
			categories.add(new Category(shelf.slug(), shelf.name(), shelf.parent(), position));
		}
		return categories;
	}

	static List<DemoProduct> books() {
		Random random = new Random(SEED);
		List<DemoProduct> books = new ArrayList<>();
		Set<String> slugs = new LinkedHashSet<>();
		for (Shelf shelf : SHELVES) {
			int made = 0;
			while (made < BOOKS_PER_SHELF) {
				String title = shelf.pattern().formatted(pick(random, shelf.first()), pick(random, shelf.second()));
				String slug = ProductDraft.slugOf(title);
				if (!slugs.add(slug)) {
					continue;
				}
				books.add(book(random, shelf, books.size() + 1, title, slug));
				made++;
			}
		}
		return books;
	}

	/** Plain, quickly made products for load tests, filed round-robin on the shelves. */
	static List<DemoProduct> synthetic(int count) {
		List<DemoProduct> products = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			String number = "%06d".formatted(i);
			String slug = "synthetic-book-" + number;
			Shelf shelf = SHELVES.get(i % SHELVES.size());
			List<Product.Variant> variants = List.of(
					new Product.Variant("SYN-" + number + "-PB", "Paperback", Money.of(999 + (i % 10) * 100, "EUR")),
					new Product.Variant("SYN-" + number + "-EB", "Ebook", Money.of(599 + (i % 5) * 100, "EUR")));
			ProductDraft draft = new ProductDraft("Synthetic Book " + number, slug, "A generated book for load tests.",
					List.of(shelf.slug()), Map.of("author", "Load Tester", "language", "English"), List.of(), variants);
			products.add(new DemoProduct(idOf(slug), slug, draft,
					List.of(new StockCount(variants.get(0).sku(), Warehouse.MAIN, 100 + i % 50),
							new StockCount(variants.get(0).sku(), BERLIN, i % 20),
							new StockCount(variants.get(1).sku(), Warehouse.MAIN, 9999))));
		}
		return products;
	}

	private static DemoProduct book(Random random, Shelf shelf, int number, String title, String slug) {
		String author = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
		boolean children = shelf.parent().equals("children");
		boolean personalized = shelf.slug().equals("personalized");
		int pages = children && !shelf.slug().equals("young-adult") ? 24 + 8 * random.nextInt(5)
				: 160 + 16 * random.nextInt(30);
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("author", author);
		attributes.put("publisher", pick(random, PUBLISHERS));
		attributes.put("pages", String.valueOf(pages));
		attributes.put("language", random.nextInt(6) == 0 ? "German" : "English");
		attributes.put("published", String.valueOf(1950 + random.nextInt(76)));
		if (personalized) {
			attributes.put("personalizable", "true");
		}
		String sku = "BK-%04d".formatted(number);
		List<Product.Variant> variants = new ArrayList<>();
		if (personalized) {
			variants.add(new Product.Variant(sku + "-HC", "Personalized hardcover", price(random, 2999, 3999)));
		}
		else {
			variants.add(new Product.Variant(sku + "-PB", "Paperback", price(random, 899, 1699)));
			variants.add(new Product.Variant(sku + "-HC", "Hardcover", price(random, 1999, 3499)));
			if (!children || shelf.slug().equals("young-adult")) {
				variants.add(new Product.Variant(sku + "-EB", "Ebook", price(random, 499, 999)));
			}
		}
		List<StockCount> stock = new ArrayList<>();
		for (Product.Variant variant : variants) {
			if (variant.sku().endsWith("-EB")) {
				stock.add(new StockCount(variant.sku(), Warehouse.MAIN, 9999));
				continue;
			}
			// about one physical variant in ten is sold out in the main warehouse
			int main = (random.nextInt(10) == 0) ? 0 : 1 + random.nextInt(40);
			stock.add(new StockCount(variant.sku(), Warehouse.MAIN, main));
			stock.add(new StockCount(variant.sku(), BERLIN, random.nextInt(15)));
		}
		String description = (shelf.blurb().formatted(children ? pick(random, HEROES) : author) + " "
				+ "First published in " + attributes.get("published") + ", " + pages + " pages.");
		ProductDraft draft = new ProductDraft(title, slug, description, List.of(shelf.slug()), attributes,
				List.of("https://img.emporium.dev/covers/" + slug + ".jpg"), variants);
		return new DemoProduct(idOf(slug), slug, draft, stock);
	}

	/** Prices end in 99, like a real shop's. */
	private static Money price(Random random, int from, int to) {
		int hundreds = (from / 100) + random.nextInt((to - from) / 100 + 1);
		return Money.of(hundreds * 100L + 99, "EUR");
	}

	/** Ids follow from slugs, so two nodes seeding at once collide on the primary key. */
	static UUID idOf(String slug) {
		return UUID.nameUUIDFromBytes(("emporium-demo:" + slug).getBytes(StandardCharsets.UTF_8));
	}

	private static String pick(Random random, String[] words) {
		return words[random.nextInt(words.length)];
	}

	private static String[] words(String words) {
		return words.split(" ");
	}

	record DemoProduct(UUID id, String slug, ProductDraft draft, List<StockCount> stock) {
	}

}
