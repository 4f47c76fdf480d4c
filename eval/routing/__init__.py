"""The labelled routing set and its scorer: does the offline router pick the right tool and arguments?"""
