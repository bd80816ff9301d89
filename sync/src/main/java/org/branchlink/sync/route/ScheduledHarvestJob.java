package org.branchlink.sync.route;

import org.apache.camel.ProducerTemplate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A site's harvest schedule firing: sends into the site's harvest route. Quartz's clustered store fires each trigger
 * on one node only, and never twice at once for the same site. A harvest cut short by its node's death is fired again
 * on another node (the job asks for recovery): a harvest goes on from the last page it saved, a feed is fetched again.
 */
@DisallowConcurrentExecution
public class ScheduledHarvestJob extends QuartzJobBean {

	static final String ENDPOINT = "endpoint";

	private final ProducerTemplate camel;

	public ScheduledHarvestJob(ProducerTemplate camel) {
		this.camel = camel;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		camel.sendBody(context.getMergedJobDataMap().getString(ENDPOINT), null);
	}

}
