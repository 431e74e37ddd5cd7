"""The complaints tab (投诉工单): list, detail with timeline, actions, create, reports."""
