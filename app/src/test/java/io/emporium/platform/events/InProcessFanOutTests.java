package io.emporium.platform.events;

import io.emporium.platform.FanOut;

class InProcessFanOutTests extends FanOutContract {

	@Override
	FanOut node() {
		return new InProcessFanOut(this.heard::add);
	}

}
