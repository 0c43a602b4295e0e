package io.emporium.platform;

class InProcessStartupLockTests extends StartupLockContract {

	private final StartupLock lock = StartupLock.inProcess();

	@Override
	protected StartupLock lock() {
		return this.lock;
	}

}
