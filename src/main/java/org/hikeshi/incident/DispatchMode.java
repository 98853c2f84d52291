package org.hikeshi.incident;

/** How the responder attends: on site (駆け付け) or remotely by phone and mail (遠隔対応). */
public enum DispatchMode {

	ON_SITE, REMOTE

}
