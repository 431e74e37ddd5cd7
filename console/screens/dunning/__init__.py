"""The dunning tab (欠费催缴): today's campaign, accounts by stage, the manual seat."""
