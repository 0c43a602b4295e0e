package io.emporium.platform;

/** A short fact a module adds to the start-up line, such as "230 products". */
public interface StartupFact {

	String describe();

}
